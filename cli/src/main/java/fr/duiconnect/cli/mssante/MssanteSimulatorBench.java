package fr.duiconnect.cli.mssante;

/** {@code dui-connect bench mssante-simulator}: the MSSanté operator simulator alone: bare messages sent, read for its own CPU per message. */
public final class MssanteSimulatorBench extends BareSendScenario {

    @Override public String name() { return "mssante-simulator"; }

    @Override public String description() {
        return "the MSSanté simulator's own cost: bare messages submitted, its CPU ms per message and the throughput it allows";
    }
}

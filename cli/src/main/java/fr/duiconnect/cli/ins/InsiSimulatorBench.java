package fr.duiconnect.cli.ins;

/** {@code dui-connect bench insi-simulator}: the INSi simulator alone: bare searches replayed, read for its own CPU per request. */
public final class InsiSimulatorBench extends BareSearchScenario {

    @Override public String name() { return "insi-simulator"; }

    @Override public String description() {
        return "the INSi simulator's own cost: bare searches replayed, its CPU ms per request and the throughput it allows";
    }
}

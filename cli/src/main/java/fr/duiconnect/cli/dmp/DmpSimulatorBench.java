package fr.duiconnect.cli.dmp;

/**
 * {@code dui-connect bench dmp-simulator}: the DMP simulator alone: the bare deposits replayed (CDA validation on
 * when the ANS kit is there), read for the simulator's own CPU time per deposit (two requests) and the throughput it
 * allows on this machine — so that a ratio to the bare baseline is never the simulator's limit.
 */
public final class DmpSimulatorBench extends BareDepositScenario {

    @Override public String name() { return "dmp-simulator"; }

    @Override public String description() {
        return "the DMP simulator's own cost: bare TD0.2 + ITI-41 replayed, its CPU ms per deposit and the throughput it allows";
    }
}

package fr.duiconnect.cli.eparcours;

/**
 * {@code dui-connect bench eparcours-simulator}: the e-parcours simulator alone (it validates each note against the
 * CdL profiles): bare transactions replayed, read for its own CPU per request.
 */
public final class EParcoursSimulatorBench extends BarePostScenario {

    @Override public String name() { return "eparcours-simulator"; }

    @Override public String description() {
        return "the e-parcours simulator's own cost: bare note transactions replayed, its CPU ms per request and the throughput it allows";
    }
}

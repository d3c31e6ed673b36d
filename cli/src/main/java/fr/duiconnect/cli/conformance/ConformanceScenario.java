package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.ServiceSocle;

/**
 * One conformance check: an id, the national rule it checks and that rule's public reference, and how to run it.
 * Scenarios are read by a referent in the report, so title and rule are written for people.
 */
public interface ConformanceScenario {

    /** Stable id, e.g. {@code INS-03}. */
    String id();

    ServiceSocle service();

    /** What is checked, in one sentence. */
    String title();

    /** The rule, as the national text states it. */
    String rule();

    /** Where the rule is published: CNDA INSi case, MSSanté ECO.x, DMPi EX_x, CI-SIS volet, IG profile. */
    String reference();

    ScenarioOutcome run(ConformanceContext context) throws Exception;
}

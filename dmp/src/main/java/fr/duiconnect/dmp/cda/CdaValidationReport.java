package fr.duiconnect.dmp.cda;

import java.util.List;

/** The outcome of validating one CDA: schema errors and failed assertions per schematron, and the rules fired. */
public record CdaValidationReport(List<String> schematrons, List<CdaFinding> findings, int rulesFired) {

    public CdaValidationReport {
        schematrons = List.copyOf(schematrons);
        findings = List.copyOf(findings);
    }

    public boolean valid() {
        return findings.isEmpty();
    }
}

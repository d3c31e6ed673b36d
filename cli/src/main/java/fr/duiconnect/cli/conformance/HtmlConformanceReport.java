package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.cli.report.Html;

import java.util.Map;

/**
 * The run as one self-contained HTML page for an ARS technical referent: a summary per service, then each
 * scenario with its rule, its public reference, a clear verdict and the evidence.
 */
public final class HtmlConformanceReport {

    private HtmlConformanceReport() {
    }

    public static String render(ConformanceReport report) {
        StringBuilder body = new StringBuilder();
        ConformanceReport.Summary total = report.total();
        String overall = report.passed() ? "<span class=\"badge pass\">CONFORME</span>" : "<span class=\"badge fail\">NON CONFORME</span>";
        body.append("<h1>Rapport de conformité DUI Connect ").append(overall).append("</h1>")
                .append("<div class=\"sub\">Logiciel : ").append(Html.escape(report.software()))
                .append(" — cible : ").append(Html.escape(report.target()))
                .append(" — exécuté le ").append(Html.escape(report.startedAt().toString()))
                .append(" — ").append(total.passed()).append(" réussi(s), ").append(total.failed()).append(" en échec, ")
                .append(total.skipped()).append(" non exécuté(s)</div>");
        body.append("<h2>Synthèse par service</h2><table><tr><th>Service</th><th>Réussis</th><th>En échec</th><th>Non exécutés</th><th>Verdict</th></tr>");
        for (Map.Entry<ServiceSocle, ConformanceReport.Summary> entry : report.summaryPerService().entrySet()) {
            ConformanceReport.Summary s = entry.getValue();
            body.append("<tr><td>").append(label(entry.getKey())).append("</td><td>").append(s.passed()).append("</td><td>")
                    .append(s.failed()).append("</td><td>").append(s.skipped()).append("</td><td>")
                    .append(s.failed() == 0 ? "<span class=\"badge pass\">conforme</span>" : "<span class=\"badge fail\">non conforme</span>")
                    .append("</td></tr>");
        }
        body.append("</table>");
        for (ServiceSocle service : report.summaryPerService().keySet()) {
            body.append("<h2>").append(label(service)).append("</h2><table><tr><th style=\"width:90px\">Scénario</th><th>Règle vérifiée</th>"
                    + "<th style=\"width:200px\">Référence</th><th style=\"width:110px\">Résultat</th></tr>");
            for (ScenarioResult result : report.results()) {
                if (result.scenario().service() != service) {
                    continue;
                }
                ConformanceScenario scenario = result.scenario();
                body.append("<tr><td>").append(Html.escape(scenario.id())).append("</td><td><b>").append(Html.escape(scenario.title()))
                        .append("</b><br>").append(Html.escape(scenario.rule())).append("<br><i>").append(Html.escape(result.outcome().message()))
                        .append("</i>");
                for (Evidence evidence : result.outcome().evidence()) {
                    body.append("<details><summary>").append(Html.escape(evidence.label())).append("</summary><pre>")
                            .append(Html.escape(evidence.content())).append("</pre></details>");
                }
                body.append("</td><td>").append(Html.escape(scenario.reference())).append("</td><td>").append(badge(result.verdict()))
                        .append("</td></tr>");
            }
            body.append("</table>");
        }
        return Html.page("Rapport de conformité DUI Connect", body.toString());
    }

    private static String badge(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "<span class=\"badge pass\">réussi</span>";
            case FAIL -> "<span class=\"badge fail\">échec</span>";
            case SKIPPED -> "<span class=\"badge unknown\">non exécuté</span>";
        };
    }

    private static String label(ServiceSocle service) {
        return switch (service) {
            case INS -> "INS (téléservice INSi, RNIV)";
            case DMP -> "DMP (alimentation, CDA)";
            case MSSANTE -> "MSSanté (messagerie sécurisée)";
            case EPRESCRIPTION -> "e-prescription";
            case EPARCOURS -> "e-parcours (cahier de liaison)";
            case ANNUAIRE -> "Annuaire Santé (professionnels, structures, BAL MSSanté)";
        };
    }
}

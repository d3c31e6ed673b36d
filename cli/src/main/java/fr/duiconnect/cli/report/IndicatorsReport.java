package fr.duiconnect.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.duiconnect.core.indicators.MonthlyIndicators;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders usage indicators as JSON, CSV, or a self-contained HTML dashboard with one chart per indicator over the
 * months against its target (inline SVG: it opens offline and in any browser).
 */
public final class IndicatorsReport {

    private IndicatorsReport() {
    }

    private record Indicator(String title, String unit, Function<MonthlyIndicators, Number> value,
                             Function<MonthlyIndicators, Double> target) {
    }

    private static final List<Indicator> INDICATORS = List.of(
            new Indicator("Messages MSSanté envoyés / personnes accompagnées", "%", MonthlyIndicators::mssanteRate, m -> m.targets().mssanteRate()),
            new Indicator("Personnes dont le DMP a reçu au moins un document / personnes accompagnées", "%", MonthlyIndicators::dmpRate, m -> m.targets().dmpRate()),
            new Indicator("Dossiers usagers actifs / personnes accompagnées", "%", MonthlyIndicators::activeRecordsRate, m -> m.targets().activityRate()),
            new Indicator("Dossiers actifs avec projet personnalisé", "%", MonthlyIndicators::activeRecordsWithProjectRate, m -> m.targets().activityRate()),
            new Indicator("Dossiers actifs avec au moins un événement", "%", MonthlyIndicators::activeRecordsWithEventRate, m -> m.targets().activityRate()),
            new Indicator("Messages MSSanté envoyés", "", MonthlyIndicators::mssanteMessagesSent, m -> null),
            new Indicator("Documents déposés au DMP", "", MonthlyIndicators::documentsDeposited, m -> null),
            new Indicator("Prescriptions électroniques importées", "", MonthlyIndicators::eprescriptionsImported, m -> null),
            new Indicator("Échanges du cahier de liaison (e-parcours)", "", MonthlyIndicators::eparcoursExchanges, m -> null));

    public static String json(List<MonthlyIndicators> months) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (MonthlyIndicators m : months) {
            ObjectNode node = array.addObject();
            node.put("finess", m.finess());
            node.put("month", m.month().toString());
            node.put("personsAccompanied", m.personsAccompanied());
            node.put("mssanteMessagesSent", m.mssanteMessagesSent());
            node.put("mssanteRate", m.mssanteRate());
            node.put("mssanteTarget", m.targets().mssanteRate());
            node.put("personsWithDmpDocument", m.personsWithDmpDocument());
            node.put("dmpRate", m.dmpRate());
            node.put("dmpTarget", m.targets().dmpRate());
            node.put("documentsDeposited", m.documentsDeposited());
            node.put("eprescriptionsImported", m.eprescriptionsImported());
            node.put("eparcoursExchanges", m.eparcoursExchanges());
            node.put("activeRecordsRate", m.activeRecordsRate());
            node.put("activeRecordsWithProjectRate", m.activeRecordsWithProjectRate());
            node.put("activeRecordsWithEventRate", m.activeRecordsWithEventRate());
            node.put("activityTarget", m.targets().activityRate());
        }
        try {
            return mapper.writeValueAsString(months.size() == 1 ? array.get(0) : array) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String csv(List<MonthlyIndicators> months) {
        StringBuilder out = new StringBuilder("finess;month;personsAccompanied;mssanteMessagesSent;mssanteRate;mssanteTarget;"
                + "personsWithDmpDocument;dmpRate;dmpTarget;documentsDeposited;eprescriptionsImported;eparcoursExchanges;"
                + "activeRecordsRate;activeRecordsWithProjectRate;activeRecordsWithEventRate;activityTarget\n");
        for (MonthlyIndicators m : months) {
            out.append(String.join(";", m.finess(), m.month().toString(), str(m.personsAccompanied()),
                    str(m.mssanteMessagesSent()), str(m.mssanteRate()), str(m.targets().mssanteRate()),
                    str(m.personsWithDmpDocument()), str(m.dmpRate()), str(m.targets().dmpRate()),
                    str(m.documentsDeposited()), str(m.eprescriptionsImported()), str(m.eparcoursExchanges()),
                    str(m.activeRecordsRate()), str(m.activeRecordsWithProjectRate()), str(m.activeRecordsWithEventRate()),
                    str(m.targets().activityRate()))).append('\n');
        }
        return out.toString();
    }

    private static String str(Number value) {
        return value == null ? "" : value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : value.toString();
    }

    public static String html(List<MonthlyIndicators> months) {
        MonthlyIndicators last = months.get(months.size() - 1);
        StringBuilder body = new StringBuilder();
        body.append("<h1>Indicateurs d'usage ESMS numérique</h1>")
                .append("<div class=\"sub\">Structure FINESS ").append(Html.escape(last.finess()))
                .append(" — de ").append(months.get(0).month()).append(" à ").append(last.month())
                .append(" — calculés à partir du journal DUI Connect</div>");
        body.append("<h2>Mois ").append(last.month()).append("</h2><table><tr><th>Indicateur</th><th>Valeur</th><th>Cible</th><th>Atteinte</th></tr>");
        for (Indicator indicator : INDICATORS) {
            Number value = indicator.value().apply(last);
            Double target = indicator.target().apply(last);
            String status = target == null ? "" : value == null ? "<span class=\"badge unknown\">inconnu</span>"
                    : value.doubleValue() >= target ? "<span class=\"badge pass\">atteinte</span>" : "<span class=\"badge fail\">non atteinte</span>";
            body.append("<tr><td>").append(Html.escape(indicator.title())).append("</td><td>")
                    .append(value == null ? "— (effectif non renseigné)" : str(value) + indicator.unit()).append("</td><td>")
                    .append(target == null ? "" : str(target) + " %").append("</td><td>").append(status).append("</td></tr>");
        }
        body.append("</table><h2>Évolution mensuelle</h2><div class=\"grid\">");
        for (Indicator indicator : INDICATORS) {
            body.append("<div class=\"card\"><h3>").append(Html.escape(indicator.title())).append("</h3>")
                    .append(chart(months, indicator)).append("</div>");
        }
        body.append("</div>");
        return Html.page("Indicateurs d'usage ESMS numérique — " + last.finess(), body.toString());
    }

    /** A bar chart of the indicator per month with its target as a dashed line. */
    private static String chart(List<MonthlyIndicators> months, Indicator indicator) {
        int width = 440;
        int height = 180;
        int left = 36;
        int bottom = 24;
        double max = indicator.unit().equals("%") ? 100 : 1;
        for (MonthlyIndicators m : months) {
            Number v = indicator.value().apply(m);
            if (v != null) {
                max = Math.max(max, v.doubleValue());
            }
        }
        double plotHeight = height - bottom - 10;
        double slot = (width - left) / (double) months.size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(indicator.title())).append("\">");
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(height - bottom).append("\" x2=\"").append(width)
                .append("\" y2=\"").append(height - bottom).append("\" stroke=\"#8894a3\"/>");
        svg.append("<text x=\"2\" y=\"14\" font-size=\"10\" fill=\"#5a6675\">").append(str(max)).append(indicator.unit()).append("</text>");
        for (int i = 0; i < months.size(); i++) {
            MonthlyIndicators m = months.get(i);
            Number v = indicator.value().apply(m);
            double x = left + i * slot + slot * 0.15;
            double w = slot * 0.7;
            if (v != null) {
                double h = plotHeight * v.doubleValue() / max;
                Double target = indicator.target().apply(m);
                String colour = target == null ? "#3b6ea8" : v.doubleValue() >= target ? "#2e8b57" : "#c0504d";
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s%s</title></rect>",
                        x, height - bottom - h, w, h, colour, m.month(), str(v), indicator.unit()));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" fill=\"#5a6675\">%s</text>",
                    x, height - 8, m.month().toString().substring(2)));
        }
        Double target = indicator.target().apply(months.get(months.size() - 1));
        if (target != null) {
            double y = height - bottom - plotHeight * target / max;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#1d2733\" stroke-dasharray=\"5,4\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" fill=\"#1d2733\">cible %s %%</text>", left, y, width, y, width - 70, y - 3, str(target)));
        }
        svg.append("</svg>");
        return svg.toString();
    }
}

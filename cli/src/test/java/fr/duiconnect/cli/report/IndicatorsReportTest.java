package fr.duiconnect.cli.report;

import fr.duiconnect.core.indicators.MonthlyIndicators;
import fr.duiconnect.core.indicators.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorsReportTest {

    @TempDir
    Path dir;

    private static List<MonthlyIndicators> threeMonths() {
        Targets targets = Targets.ESMS_NUMERIQUE;
        return List.of(
                new MonthlyIndicators("750000010", YearMonth.of(2026, 9), 80, 40, 50.0, 30, 37.5, 31, 12, 20, 85.0, 70.0, 80.0, targets),
                new MonthlyIndicators("750000010", YearMonth.of(2026, 10), 80, 60, 75.0, 50, 62.5, 55, 15, 25, 91.3, 80.0, 88.0, targets),
                new MonthlyIndicators("750000010", YearMonth.of(2026, 11), null, 64, null, 58, null, 60, 18, 30, null, null, null, targets));
    }

    @Test
    void csvHasOneLinePerMonthAndEmptyCellsForUnknownRates() {
        List<String> lines = IndicatorsReport.csv(threeMonths()).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("750000010;2026-10;80;60;75.0;70.0;50;62.5;70.0;55;15;25;91.3;80.0;88.0;90.0");
        assertThat(lines.get(3)).startsWith("750000010;2026-11;;64;;70.0;58;;");
    }

    @Test
    void jsonOfOneMonthIsAnObjectWithRatesAndTargets() {
        String json = IndicatorsReport.json(threeMonths().subList(1, 2));
        assertThat(json).startsWith("{").contains("\"mssanteRate\" : 75.0").contains("\"mssanteTarget\" : 70.0");
    }

    @Test
    void theDashboardIsSelfContainedWithAChartPerIndicator() {
        String html = IndicatorsReport.html(threeMonths());
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http")
                .doesNotContain("@import");
        assertThat(html.split("<svg ", -1)).hasSize(10);
        assertThat(html).contains("cible 70.0 %").contains("effectif non renseigné");
    }

    @Test
    void theDashboardRendersInHeadlessChromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path page = Files.writeString(dir.resolve("indicators.html"), IndicatorsReport.html(threeMonths()));

        String dom = chromium.renderedDom(page, dir.resolve("profile-dom"));
        assertThat(dom).contains("Indicateurs d'usage ESMS numérique").contains("<svg");

        BufferedImage shot = chromium.screenshot(page, dir.resolve("indicators.png"), dir.resolve("profile-shot"));
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(HeadlessChromium.inkRatio(shot)).isGreaterThan(0.02);
        assertThat(HeadlessChromium.hasColour(shot, 0xc0, 0x50, 0x4d)).as("a red bar under its target").isTrue();
        assertThat(HeadlessChromium.hasColour(shot, 0x2e, 0x8b, 0x57)).as("a green bar over its target").isTrue();
    }
}

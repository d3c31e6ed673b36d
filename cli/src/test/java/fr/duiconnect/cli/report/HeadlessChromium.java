package fr.duiconnect.cli.report;

import org.junit.jupiter.api.Assumptions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, to check that a report renders in a real browser. On CI (CI=true) Chromium is
 * installed by .ci/run and its absence is an error; elsewhere the test is skipped when it is missing.
 */
public final class HeadlessChromium {

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    public static HeadlessChromium require() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return new HeadlessChromium(Path.of(candidate));
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must provide Chromium (Debian package chromium): see .ci/run");
        }
        Assumptions.abort("Chromium is not installed here (apt-get install chromium)");
        return null;
    }

    /** Screenshot of the page (no network: the page must be self-contained), decoded. */
    public BufferedImage screenshot(Path page, Path png, Path profile) throws IOException, InterruptedException {
        run(profile, "--screenshot=" + png, "--window-size=1280,1800", page.toUri().toString());
        return ImageIO.read(png.toFile());
    }

    /** The DOM after the browser parsed and laid out the page. */
    public String renderedDom(Path page, Path profile) throws IOException, InterruptedException {
        return run(profile, "--dump-dom", page.toUri().toString());
    }

    private String run(Path profile, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within 120 s");
        }
        return out;
    }

    /** Share of pixels of the image that are not (near) white: a blank page gives about zero. */
    public static double inkRatio(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 235 || g < 235 || b < 235) {
                    ink++;
                }
            }
        }
        return ink / (double) ((image.getHeight() / 2) * (image.getWidth() / 2));
    }

    /** Whether some pixel is close to the given colour (e.g. a red "fail" bar). */
    public static boolean hasColour(BufferedImage image, int red, int green, int blue) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - red) < 12 && Math.abs(((rgb >> 8) & 0xff) - green) < 12
                        && Math.abs((rgb & 0xff) - blue) < 12) {
                    return true;
                }
            }
        }
        return false;
    }
}

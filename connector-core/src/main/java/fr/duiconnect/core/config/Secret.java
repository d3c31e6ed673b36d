package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * A password or token. Read from a file or an environment variable (or given in code); its {@code toString}
 * never shows the value, so a secret cannot reach a log by accident.
 */
public final class Secret {

    private final char[] value;
    private final String origin;

    private Secret(char[] value, String origin) {
        this.value = value;
        this.origin = origin;
    }

    public static Secret of(char[] value) {
        return new Secret(value.clone(), "code");
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray(), "code");
    }

    /** The file's content, without its trailing line break. */
    public static Secret fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
            return new Secret(text.toCharArray(), "file " + file.getFileName());
        } catch (IOException e) {
            throw new ConfigurationException(file.toString(), "the secret file cannot be read", e);
        }
    }

    public static Secret fromEnvironment(String variable) {
        return fromEnvironment(variable, System.getenv());
    }

    static Secret fromEnvironment(String variable, Map<String, String> environment) {
        String text = environment.get(variable);
        if (text == null) {
            throw new ConfigurationException(variable, "the environment variable holding this secret is not set");
        }
        return new Secret(text.toCharArray(), "environment " + variable);
    }

    public char[] chars() {
        return value.clone();
    }

    public <T> T use(Function<char[], T> consumer) {
        char[] copy = chars();
        try {
            return consumer.apply(copy);
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    @Override
    public String toString() {
        return "Secret[from " + origin + "]";
    }
}

package fr.duiconnect.core.error;

/** The connector configuration is incomplete or inconsistent; names the property. */
public class ConfigurationException extends DuiConnectException {

    public ConfigurationException(String property, String message) {
        super(CoreErrorCode.CONFIGURATION, property, message);
    }

    public ConfigurationException(String property, String message, Throwable cause) {
        super(CoreErrorCode.CONFIGURATION, property, message, cause);
    }
}

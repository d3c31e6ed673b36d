package fr.duiconnect.core.error;

/** A service was asked for whose module is not on the class path. */
public class ModuleNotAvailableException extends DuiConnectException {

    public ModuleNotAvailableException(String service, String artifact) {
        super(CoreErrorCode.MODULE_MISSING, service,
                "no module provides this service: add the artifact fr.duiconnect:" + artifact + " to the application");
    }
}

package fr.duiconnect.camel;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a {@code dui-connect:} URI names: a service and one of its operations, and whether the endpoint sends
 * (producer; journaled or synchronous) or starts a route (consumer). The one static description of the component.
 */
public enum DuiConnectOperation {

    DMP_DEPOSIT("dmp/deposit", Role.JOURNALED, "DmpDeposit"),
    DMP_REPLACE("dmp/replace", Role.JOURNALED, "DmpDeposit + header " + DuiConnectConstants.REPLACES_UNIQUE_ID),
    DMP_SEARCH("dmp/search", Role.REQUEST, "DmpSearch"),
    DMP_WRITE_DLU("dmp/write-dlu", Role.REQUEST, "ResidentRecord"),
    MSSANTE_SEND("mssante/send", Role.JOURNALED, "MssanteMessage or PreparedMail"),
    INS_SEARCH("ins/search", Role.REQUEST, "InsSearchRequest or CarteVitaleSearch"),
    EPRESCRIPTION_IMPORT("eprescription/import", Role.REQUEST, "prescription number + header " + DuiConnectConstants.PERSON),
    EPARCOURS_POST("eparcours/post", Role.JOURNALED, "NoteDraft"),
    EPARCOURS_REPLY("eparcours/reply", Role.JOURNALED, "NoteDraft + header " + DuiConnectConstants.PARENT_NOTE),
    MSSANTE_INBOX("mssante/inbox", Role.CONSUMER, "InboundMail"),
    EPARCOURS_NOTES("eparcours/notes", Role.CONSUMER, "ReceivedNote"),
    OPERATIONS("operations", Role.CONSUMER, "OperationStatus");

    /** How an endpoint takes part in a route. */
    public enum Role {
        /** Producer; the operation is journaled and the receipt returned at once (delivery is the outbox's). */
        JOURNALED,
        /** Producer; a synchronous exchange (or local work) whose result is the new body. */
        REQUEST,
        /** Consumer: starts a route. */
        CONSUMER
    }

    private final String path;
    private final Role role;
    private final String body;

    DuiConnectOperation(String path, Role role, String body) {
        this.path = path;
        this.role = role;
        this.body = body;
    }

    /** The URI path, e.g. {@code dmp/deposit}. */
    public String path() {
        return path;
    }

    public Role role() {
        return role;
    }

    /** The body it takes (producers) or gives (consumers), in the public API's types. */
    public String body() {
        return body;
    }

    public boolean isProducer() {
        return role != Role.CONSUMER;
    }

    public static Optional<DuiConnectOperation> of(String path) {
        return Arrays.stream(values()).filter(operation -> operation.path.equals(path)).findFirst();
    }

    /** The paths of one side, for error messages. */
    static String paths(boolean producers) {
        return Arrays.stream(values()).filter(operation -> operation.isProducer() == producers)
                .map(DuiConnectOperation::path).collect(Collectors.joining(", "));
    }
}

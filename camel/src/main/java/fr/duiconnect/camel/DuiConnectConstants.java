package fr.duiconnect.camel;

import org.apache.camel.spi.Metadata;

/** Names of the headers the {@code dui-connect:} endpoints read and set. Values are the public API's types. */
public final class DuiConnectConstants {

    @Metadata(label = "producer", description = "The journaled operation's id (set by journaled producers; on the operations consumer, the operation that changed).",
            javaType = "java.util.UUID")
    public static final String OPERATION_ID = "DuiConnectOperationId";
    @Metadata(label = "producer", description = "The operation's state: PENDING when only journaled, or the state reached while awaiting; on the operations consumer, the state recorded.",
            javaType = "fr.duiconnect.core.operation.OperationState")
    public static final String OPERATION_STATE = "DuiConnectOperationState";
    @Metadata(label = "consumer", description = "The journal kind of the operation that changed (operations consumer), e.g. dmp.deposit.",
            javaType = "String")
    public static final String OPERATION_KIND = "DuiConnectOperationKind";
    @Metadata(label = "producer", description = "True when the idempotency key was journaled before: the receipt is the first one and nothing is sent again.",
            javaType = "boolean")
    public static final String ALREADY_ACCEPTED = "DuiConnectAlreadyAccepted";
    @Metadata(label = "producer", description = "What the service calls the operation once delivered (XDS uniqueId, Message-ID, FHIR reference), when awaited.",
            javaType = "String")
    public static final String REMOTE_REFERENCE = "DuiConnectRemoteReference";
    @Metadata(label = "producer", description = "Overrides the endpoint's awaitState for this message (SENT or ACKED).",
            javaType = "fr.duiconnect.core.operation.OperationState")
    public static final String AWAIT_STATE = "DuiConnectAwaitState";
    @Metadata(label = "producer", description = "The person concerned: required by eprescription/import (body: the prescription number); set by the eparcours/notes consumer.",
            javaType = "fr.duiconnect.core.model.PersonIdentity")
    public static final String PERSON = "DuiConnectPerson";
    @Metadata(label = "producer", description = "dmp/replace: the uniqueId of the document the body's CDA replaces.", javaType = "String")
    public static final String REPLACES_UNIQUE_ID = "DuiConnectReplacesUniqueId";
    @Metadata(label = "producer", description = "dmp/write-dlu: the DLU this one supersedes (GeneratedCda.asPrevious()), if any.",
            javaType = "fr.duiconnect.core.dmp.content.PreviousVersion")
    public static final String PREVIOUS_VERSION = "DuiConnectPreviousVersion";
    @Metadata(label = "producer", description = "eparcours/reply: the note replied to.", javaType = "fr.duiconnect.core.eparcours.NoteRef")
    public static final String PARENT_NOTE = "DuiConnectParentNote";

    private DuiConnectConstants() {
    }
}

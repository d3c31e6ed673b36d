package fr.duiconnect.core.dmp;

import fr.duiconnect.core.directory.DirectoryClient;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.PreviousVersion;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;

import java.util.List;
import java.util.Set;

/**
 * Client of the DMP service socle (Mon espace santé): DLU and liaison letters into the person's DMP.
 * Implemented by the {@code dui-connect-dmp} module; obtained from {@code DuiConnector.dmp()}. Thread-safe.
 *
 * <p>Feeding (deposit, replace, status and visibility changes) is journaled: the call checks everything it can
 * locally (qualified INS, recorded non-opposition, CDA header, XDS metadata rules), commits the operation to the
 * journal and returns its receipt; the connector then delivers it (TD0.2 existence test, then ITI-41 or ITI-57),
 * retrying transient failures, until the registry accepts or refuses it. Search and retrieval are synchronous.
 */
public interface DmpClient {

    /**
     * Writes the resident's DLU (volet DLU-EHPAD 2022.01) after the pre-checks (qualified INS, médecin traitant, dates,
     * code lists, attachments), each refusal naming its field. Local: nothing is sent or journaled. Deposit the result
     * with {@link #deposit}, or {@link #replace} when {@code replaces} is given.
     *
     * @param replaces the DLU this one supersedes (kept from its {@link GeneratedCda#asPrevious()}), or null
     */
    GeneratedCda writeDlu(ResidentRecord resident, PreviousVersion replaces);

    /**
     * Writes the DLU as {@link #writeDlu(ResidentRecord, PreviousVersion)}, the médecin traitant checked against the
     * Annuaire Santé: one known only by RPPS ({@link fr.duiconnect.core.dmp.content.CareProfessional#byRpps}) gets the
     * directory's name, profession and the address of the structure they practise in; where the DUI gave a value the
     * DUI's value is written and a difference from the directory is reported in
     * {@link GeneratedCda#directoryDifferences()}. An RPPS the directory does not know is refused, naming
     * {@code resident.attendingPhysician.professional.id}.
     */
    GeneratedCda writeDlu(ResidentRecord resident, PreviousVersion replaces, DirectoryClient directory);

    /** Writes a liaison letter (CDA R2 level 1 around the DUI's PDF) after the pre-checks. Local, like {@link #writeDlu}. */
    GeneratedCda writeLiaisonLetter(LiaisonLetter letter, PreviousVersion replaces);

    /**
     * The XDS document entry a deposit of this CDA would carry (typeCode, classCode, formatCode, facility, practice
     * setting, author, uniqueId, hash, size), derived from its header: for a document sent by MSSanté (IHE XDM) as well.
     */
    fr.duiconnect.core.xds.DocumentMetadata metadataOf(byte[] cda);

    /** TD0.2: does this person have a DMP, and is it open? Synchronous. */
    DmpPatientStatus testExistence(PersonIdentity person);

    /** TD2.1: deposits a new document (ITI-41 with VIHF and the XAdES-signed submission set). Journaled. */
    OperationReceipt deposit(DmpDeposit deposit);

    /**
     * TD2.2: replaces the document deposited earlier under {@code previousUniqueId} (its current entryUUID is looked
     * up with TD3.1 at delivery, then ITI-41 with an RPLC association). The new CDA keeps the setId and carries a
     * relatedDocument RPLC. Journaled.
     */
    OperationReceipt replace(DmpDeposit deposit, String previousUniqueId);

    /** TD3.1: the person's document entries matching the search (ITI-18 FindDocuments). Synchronous. */
    List<DmpDocumentEntry> search(DmpSearch search);

    /** TD3.2: one document's bytes (ITI-43), found by its uniqueId. Synchronous. */
    RetrievedDocument retrieve(PersonIdentity person, String uniqueId);

    /** TD3.3c/d: logical deletion or archiving of a document the structure authored (ITI-57). Journaled. */
    OperationReceipt changeStatus(PersonIdentity person, String uniqueId, DocumentAvailability newStatus);

    /** TD3.3a/b: sets the visibility restrictions of a document (ITI-57 metadata update). Journaled. */
    OperationReceipt changeVisibility(PersonIdentity person, String uniqueId, Set<Visibility> visibility);

    /** The INS the DMP would be fed for, after the identitovigilance gate; handy for callers that log receipts. */
    default Ins insOf(PersonIdentity person) {
        return fr.duiconnect.core.identity.IdentityGuard.requireQualified(person, "DMP");
    }
}

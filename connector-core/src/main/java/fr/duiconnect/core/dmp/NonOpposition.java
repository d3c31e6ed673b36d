package fr.duiconnect.core.dmp;

import fr.duiconnect.core.model.Require;

import java.time.Instant;

/**
 * What the DUI recorded about the person's opposition to feeding their DMP (code de la santé publique L.1111-15:
 * the person is informed and may object for a legitimate reason). The connector refuses any deposit without a
 * recorded non-opposition.
 *
 * @param recordedBy who recorded it (professional or service), for the audit trail
 */
public record NonOpposition(boolean opposed, Instant recordedAt, String recordedBy) {

    public NonOpposition {
        Require.present(recordedAt, "nonOpposition.recordedAt");
        Require.text(recordedBy, "nonOpposition.recordedBy");
    }

    public static NonOpposition recorded(Instant at, String by) {
        return new NonOpposition(false, at, by);
    }

    public static NonOpposition opposition(Instant at, String by) {
        return new NonOpposition(true, at, by);
    }
}

package fr.duiconnect.core.xds;

import fr.duiconnect.core.model.Require;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Document and submission-set uniqueIds per DMPi EX_2.1-1130: either an OID under {@code 2.25} built from a UUID
 * (ITU-T X.667), or the OID root of the LPS installation followed by a unique decimal part. The DUI stores the
 * value it used: the DMP needs it again to find or replace the document.
 */
public final class XdsUniqueIds {

    /** The DMP limits uniqueIds to 64 characters (ebRS LongName); a 2.25 UUID-OID is at most 44. */
    public static final int MAX_LENGTH = 64;

    private XdsUniqueIds() {
    }

    /** {@code 2.25.<the UUID read as an unsigned 128-bit integer>}. */
    public static String fromUuid(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }

    public static String random() {
        return fromUuid(UUID.randomUUID());
    }

    /** {@code <installation root OID>.<unique part>}, for an LPS that numbers its documents itself. */
    public static String underRoot(String rootOid, long uniquePart) {
        Require.matches(rootOid, "[0-2](\\.(0|[1-9]\\d*))+", "uniqueId root", "an OID");
        if (uniquePart < 0) {
            throw fr.duiconnect.core.error.InvalidInputException.format("uniqueId", "a non-negative unique part");
        }
        String id = rootOid + "." + uniquePart;
        if (id.length() > MAX_LENGTH) {
            throw fr.duiconnect.core.error.InvalidInputException.format("uniqueId", "at most 64 characters (EX_2.1-1130)");
        }
        return id;
    }
}

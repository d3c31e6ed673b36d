package fr.duiconnect.dmp.security;

import org.apache.xml.security.signature.XMLSignatureByteInput;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverException;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;

import java.util.Map;

/**
 * Resolves the manifest references of the submission-set signature, {@code urn:oid:<document uniqueId>}, to the
 * documents' bytes (IHE DSG: documents are referenced by uniqueId, not by location). Anything else is not resolved,
 * so a signature cannot make the verifier fetch a URL or read a file.
 */
final class OidResolver extends ResourceResolverSpi {

    static final String PREFIX = "urn:oid:";

    private final Map<String, byte[]> documentsByUniqueId;

    OidResolver(Map<String, byte[]> documentsByUniqueId) {
        this.documentsByUniqueId = Map.copyOf(documentsByUniqueId);
    }

    @Override
    public boolean engineCanResolveURI(ResourceResolverContext context) {
        return context.uriToResolve != null && context.uriToResolve.startsWith(PREFIX);
    }

    @Override
    public XMLSignatureInput engineResolveURI(ResourceResolverContext context) throws ResourceResolverException {
        byte[] content = documentsByUniqueId.get(context.uriToResolve.substring(PREFIX.length()));
        if (content == null) {
            throw new ResourceResolverException("empty", new Object[] {"no document with uniqueId " + context.uriToResolve}, context.uriToResolve, context.baseUri);
        }
        return new XMLSignatureByteInput(content);
    }
}

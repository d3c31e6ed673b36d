package fr.duiconnect.annuaire;

import fr.duiconnect.core.directory.DirectoryClient;
import fr.duiconnect.core.directory.DirectorySearch;
import fr.duiconnect.core.directory.Mailbox;
import fr.duiconnect.core.directory.Practitioner;
import fr.duiconnect.core.directory.Structure;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.error.ContentRefusedException;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Require;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The directory client: identifiers checked before any call, every resource received validated against the annuaire
 * IG (one that does not conform is refused, never mapped), answers cached for the configured time.
 */
final class DefaultDirectoryClient implements DirectoryClient {

    private final Function<String, Bundle> search;
    private final ProfileValidator validator;
    private final ExpiringCache<String, Optional<Practitioner>> practitioners;
    private final ExpiringCache<String, Optional<Structure>> structures;
    private final ExpiringCache<DirectorySearch, List<Practitioner>> searches;

    /** @param search runs a FHIR search URL (relative to the directory base) and returns every page's entries */
    DefaultDirectoryClient(Function<String, Bundle> search, ProfileValidator validator, Clock clock, AnnuaireSettings settings) {
        this.search = search;
        this.validator = validator;
        this.practitioners = new ExpiringCache<>(clock, settings.cacheTtl(), settings.cacheSize());
        this.structures = new ExpiringCache<>(clock, settings.cacheTtl(), settings.cacheSize());
        this.searches = new ExpiringCache<>(clock, settings.cacheTtl(), settings.cacheSize());
    }

    @Override
    public Optional<Practitioner> practitioner(String rpps) {
        String checked = rpps(rpps);
        return practitioners.get(checked, () -> find("Practitioner?identifier="
                + encode(DirectoryReader.IDNPS_SYSTEM + "|8" + checked), org.hl7.fhir.r4.model.Practitioner.class)
                .stream().findFirst().map(DirectoryReader::practitioner));
    }

    @Override
    public List<Mailbox> mailboxesOf(String rpps) {
        return practitioner(rpps).map(Practitioner::mailboxes).orElse(List.of());
    }

    @Override
    public Optional<Structure> structure(String finess) {
        String checked = finess(finess);
        return structures.get(checked, () -> find("Organization?identifier=" + encode(DirectoryReader.FINESS_SYSTEM + "|" + checked),
                Organization.class).stream().findFirst().map(o -> DirectoryReader.structure(o, checked)));
    }

    @Override
    public List<Practitioner> search(DirectorySearch query) {
        Require.present(query, "query");
        // Public practitioner data carry no address (as-dp-practitioner): the city is the one of a structure the
        // professional works in, reached through their roles.
        String url = query.city() == null
                ? "Practitioner?name=" + encode(query.name()) + "&_count=50"
                : "PractitionerRole?practitioner.name=" + encode(query.name()) + "&organization.address-city=" + encode(query.city())
                        + "&_include=PractitionerRole:practitioner&_count=50";
        return searches.get(query, () -> find(url, org.hl7.fhir.r4.model.Practitioner.class).stream()
                .map(DirectoryReader::practitioner).distinct().toList());
    }

    private <T extends Resource> List<T> find(String url, Class<T> type) {
        Bundle bundle = search.apply(url);
        List<T> found = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
        for (T resource : found) {
            List<ConformanceIssue> issues = validator.validate(resource);
            if (ProfileValidator.blocking(issues)) {
                throw new ContentRefusedException(AnnuaireErrorCode.RESOURCE_INVALID,
                        type.getSimpleName() + "/" + resource.getIdElement().getIdPart(), issues);
            }
        }
        return found;
    }

    static String rpps(String value) {
        Require.text(value, "rpps");
        if (!Professional.isValidRpps(value.strip())) {
            throw new InvalidInputException(CoreErrorCode.RPPS_FORMAT, "rpps", "is not a valid RPPS number (11 digits, Luhn key): " + value);
        }
        return value.strip();
    }

    static String finess(String value) {
        Require.text(value, "finess");
        try {
            return Finess.of(value.strip()).value();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(AnnuaireErrorCode.FINESS_FORMAT, "finess", e.detail());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

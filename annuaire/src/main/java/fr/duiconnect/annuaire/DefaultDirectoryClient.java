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
        return practitioners.get(checked, () -> find("Practitioner?identifier=" + encode(DirectoryReader.IDNPS_SYSTEM + "|8" + checked),
                org.hl7.fhir.r4.model.Practitioner.class).stream().findFirst().map(this::withRoles));
    }

    /** The professional with their situations d'exercice and the structures these name (one more search). */
    private Practitioner withRoles(org.hl7.fhir.r4.model.Practitioner resource) {
        List<Resource> found = fetch("PractitionerRole?practitioner=" + encode("Practitioner/" + resource.getIdElement().getIdPart())
                + "&_include=PractitionerRole:organization");
        return DirectoryReader.practitioner(resource, only(found, org.hl7.fhir.r4.model.PractitionerRole.class), only(found, Organization.class));
    }

    @Override
    public List<Mailbox> mailboxesOf(String rpps) {
        return practitioner(rpps).map(Practitioner::mailboxes).orElse(List.of());
    }

    @Override
    public Optional<Structure> structure(String finess) {
        String checked = finess(finess);
        return structures.get(checked, () -> find("Organization?identifier=" + encode(DirectoryReader.FINESS_SYSTEM + "|" + checked),
                Organization.class).stream().findFirst().map(o -> DirectoryReader.structure(o, checked, find("HealthcareService?organization="
                + encode("Organization/" + o.getIdElement().getIdPart()), org.hl7.fhir.r4.model.HealthcareService.class))));
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
                .map(p -> DirectoryReader.practitioner(p, List.of(), List.of())).distinct().toList());
    }

    private <T extends Resource> List<T> find(String url, Class<T> type) {
        return only(fetch(url), type);
    }

    /** Every resource of every page of a search, each validated against the annuaire IG: one that does not conform is refused. */
    private List<Resource> fetch(String url) {
        List<Resource> found = search.apply(url).getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        for (Resource resource : found) {
            List<ConformanceIssue> issues = validator.validate(resource);
            if (ProfileValidator.blocking(issues)) {
                throw new ContentRefusedException(AnnuaireErrorCode.RESOURCE_INVALID,
                        resource.fhirType() + "/" + resource.getIdElement().getIdPart(), issues);
            }
        }
        return found;
    }

    private static <T extends Resource> List<T> only(List<Resource> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
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
        String checked;
        try {
            checked = Finess.of(value.strip()).value();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(AnnuaireErrorCode.FINESS_FORMAT, "finess", e.detail());
        }
        if (!Finess.hasValidKey(checked)) {
            throw new InvalidInputException(AnnuaireErrorCode.FINESS_KEY, "finess", "the control key (last digit) of " + checked + " is wrong");
        }
        return checked;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package fr.duiconnect.harness.annuaire;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The directory's searches as the Annuaire Santé API offers them: identifier, name, and roles by chained name and city. */
final class DirectoryProviders {

    private DirectoryProviders() {
    }

    static List<IResourceProvider> of(DirectoryStore store) {
        return List.of(new Practitioners(store), new Organizations(store), new Roles(store), new Services(store));
    }

    private static boolean matches(List<Identifier> identifiers, TokenParam token) {
        return identifiers.stream().anyMatch(i -> (token.getSystem() == null || token.getSystem().equals(i.getSystem()))
                && token.getValue().equals(i.getValue()));
    }

    public static final class Practitioners implements IResourceProvider {
        private final DirectoryStore store;

        Practitioners(DirectoryStore store) {
            this.store = store;
        }

        @Override
        public Class<Practitioner> getResourceType() {
            return Practitioner.class;
        }

        @Search
        public List<Practitioner> search(@OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier,
                                         @OptionalParam(name = Practitioner.SP_NAME) StringParam name) {
            if (identifier == null && name == null) {
                throw new InvalidRequestException("a directory search needs an identifier or a name");
            }
            return store.practitioners().stream()
                    .filter(p -> identifier == null || matches(p.getIdentifier(), identifier))
                    .filter(p -> name == null || DirectoryStore.nameMatches(p, name.getValue())).toList();
        }
    }

    public static final class Organizations implements IResourceProvider {
        private final DirectoryStore store;

        Organizations(DirectoryStore store) {
            this.store = store;
        }

        @Override
        public Class<Organization> getResourceType() {
            return Organization.class;
        }

        @Search
        public List<Organization> search(@OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier) {
            if (identifier == null) {
                throw new InvalidRequestException("an organization search needs an identifier");
            }
            return store.structures().stream().map(s -> store.organization(s.finess()))
                    .filter(o -> matches(o.getIdentifier(), identifier)).toList();
        }
    }

    public static final class Roles implements IResourceProvider {
        private final DirectoryStore store;

        Roles(DirectoryStore store) {
            this.store = store;
        }

        @Override
        public Class<PractitionerRole> getResourceType() {
            return PractitionerRole.class;
        }

        @Search
        public List<IBaseResource> search(@OptionalParam(name = PractitionerRole.SP_PRACTITIONER,
                                                  chainWhitelist = {OptionalParam.ALLOW_CHAIN_NOTCHAINED, "name"}) ReferenceParam practitioner,
                                          @OptionalParam(name = PractitionerRole.SP_ORGANIZATION, chainWhitelist = {"address-city"}) ReferenceParam organization,
                                          @IncludeParam(allow = {"PractitionerRole:practitioner", "PractitionerRole:organization"}) Set<Include> includes) {
            if (practitioner == null && organization == null) {
                throw new InvalidRequestException("a role search needs practitioner, practitioner.name or organization.address-city");
            }
            return store.roles().stream()
                    .filter(r -> practitioner == null || (practitioner.getChain() == null
                            ? r.getPractitioner().getReference().equals("Practitioner/" + practitioner.getIdPart())
                            : DirectoryStore.nameMatches(store.practitioner(rpps(r)), practitioner.getValue())))
                    .filter(r -> organization == null || store.organization(finess(r)).getAddressFirstRep().getCity()
                            .equalsIgnoreCase(organization.getValue().toUpperCase(Locale.ROOT)))
                    .map(r -> withIncludes(r, includes)).toList();
        }

        /** A copy whose references carry the resources asked for, which the plain server then adds as includes. */
        private IBaseResource withIncludes(PractitionerRole role, Set<Include> includes) {
            PractitionerRole copy = role.copy();
            if (included(includes, "PractitionerRole:practitioner")) {
                copy.getPractitioner().setResource(store.practitioner(rpps(role)));
            }
            if (included(includes, "PractitionerRole:organization")) {
                copy.getOrganization().setResource(store.organization(finess(role)));
            }
            return copy;
        }

        private static boolean included(Set<Include> includes, String include) {
            return includes != null && includes.stream().anyMatch(i -> i.getValue().equals(include));
        }

        private static String rpps(PractitionerRole role) {
            return role.getPractitioner().getReference().substring("Practitioner/pra-".length());
        }

        private static String finess(PractitionerRole role) {
            return role.getOrganization().getReference().substring("Organization/org-".length());
        }
    }

    /** The services structures provide (as-dp-healthcareservice-*), by the structure providing them. */
    public static final class Services implements IResourceProvider {
        private final DirectoryStore store;

        Services(DirectoryStore store) {
            this.store = store;
        }

        @Override
        public Class<HealthcareService> getResourceType() {
            return HealthcareService.class;
        }

        @Search
        public List<HealthcareService> search(@RequiredParam(name = HealthcareService.SP_ORGANIZATION) ReferenceParam organization) {
            return store.services().stream()
                    .filter(s -> s.getProvidedBy().getReference().equals("Organization/" + organization.getIdPart())).toList();
        }
    }
}

package fr.duiconnect.ins;

import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.audit.AuditSink;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.ins.insi.InsiAnswer;
import fr.duiconnect.ins.insi.InsiNamespaces;
import fr.duiconnect.ins.insi.InsiRequestWriter;
import fr.duiconnect.ins.insi.InsiResponseReader;
import fr.duiconnect.ins.insi.InsiSearchStrategy;
import fr.duiconnect.ins.insi.InsiTransport;
import fr.duiconnect.ins.rniv.RnivEvent;
import fr.duiconnect.ins.rniv.RnivStateMachine;
import fr.duiconnect.ins.rniv.TraitComparison;
import fr.duiconnect.ins.rules.InsiTraitRules;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs one INS search: refuses unsendable traits, applies the strategy over the transport, compares the returned
 * traits and derives the RNIV status, and audits the search (codes and counts only: no names, no matricule).
 */
public final class InsSearcher {

    private final InsSettings settings;
    private final InsiTransport transport;
    private final AuditSink audit;
    private final Clock clock;

    public InsSearcher(InsSettings settings, InsiTransport transport, AuditSink audit, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.audit = audit;
        this.clock = clock;
    }

    public InsSearchResult search(InsSearchRequest request) {
        try {
            InsiTraitRules.requireSendable(request.traits());
        } catch (DuiConnectException e) {
            record(request, AuditOutcome.REFUSED, e.code() + " " + e.field().orElse(""));
            throw e;
        }
        Instant[] calledAt = new Instant[1];
        InsiSearchStrategy.Outcome outcome;
        try {
            outcome = InsiSearchStrategy.run(request.traits(), body -> {
                calledAt[0] = clock.instant();
                String xml = InsiRequestWriter.write(body, settings.callContext(request.actingFiness()), UUID.randomUUID(), calledAt[0]);
                InsiAnswer answer = InsiResponseReader.read(transport.post(xml, InsiNamespaces.ACTION_RECSANS));
                return new InsiSearchStrategy.Exchange(answer, xml);
            });
        } catch (DuiConnectException e) {
            record(request, AuditOutcome.FAILURE, e.code());
            throw e;
        }
        InsiAnswer answer = outcome.answer();
        boolean match = false;
        IdentityStatus status = request.currentStatus();
        if (answer.ins() != null) {
            match = TraitComparison.of(request.traits(), answer.traits()).matches();
            if (match) {
                status = RnivStateMachine.next(request.currentStatus(), RnivEvent.INSI_SUCCESS);
            }
        }
        record(request, AuditOutcome.SUCCESS, "CR " + answer.code().code() + ", calls " + outcome.calls()
                + (answer.ins() == null ? "" : ", traits " + (match ? "match" : "differ")));
        return new InsSearchResult(answer.code(), answer.ins(), answer.traits(), answer.history(), status, match,
                outcome.calls(), calledAt[0], outcome.lastRequest(), answer.responseXml());
    }

    private void record(InsSearchRequest request, AuditOutcome outcome, String detail) {
        audit.record(new AuditEvent(clock.instant(), request.actingFiness(), request.actor(),
                settings.software().name() + " " + settings.software().version(), "ins.search", null, null, outcome, detail));
    }
}

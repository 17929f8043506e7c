package org.quittance.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.clients.boundary.ClientSearch;
import org.quittance.clients.entity.ClientKind;
import org.quittance.platform.control.RuleViolation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff screens' pickers search as you type: a few clients or matters whose name, number or
 * title contains the text in any case, those starting with it first; wildcards typed are searched
 * for as typed; archived clients only where their history is read; the text is bounded.
 */
@ExtendWith(ArquillianExtension.class)
class ClientSearchIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(ClientSearchIT.class);
    }

    @EJB
    ClientSearch search;

    @EJB
    ClientDirectory clients;

    @Test
    void aFewClientsWhoseNameContainsTheTextThoseStartingWithItFirst() {
        String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        long inside = client("Holdings of " + word + " Ltd");
        long starting = client(word + " & Partners");
        List<ClientSearch.Pick> found = search.clients(word.toLowerCase(), false);
        assertEquals(List.of(starting, inside), found.stream().map(ClientSearch.Pick::id).toList(), found.toString());
        assertEquals(word + " & Partners", found.get(0).label());

        for (int i = 0; i < ClientSearch.PICKS + 3; i++) {
            client(word + " branch " + i);
        }
        assertEquals(ClientSearch.PICKS, search.clients(word, false).size(), "typing more narrows it; the list never grows");
    }

    @Test
    void wildcardsAreSearchedForAsTypedAndArchivedClientsOnlyWhenAsked() {
        String word = "Zw" + UUID.randomUUID().toString().substring(0, 6);
        long percent = client(word + " 100% Ltd");
        client(word + " 1000 Ltd");
        assertEquals(List.of(percent), search.clients(word + " 100%", false).stream().map(ClientSearch.Pick::id).toList());
        assertTrue(search.clients(word + "_", false).isEmpty(), "an underscore is an underscore, not any letter");

        clients.archiveClient(percent);
        assertTrue(search.clients(word + " 100%", false).isEmpty(), "not offered for new work");
        assertEquals(List.of(percent), search.clients(word + " 100%", true).stream().map(ClientSearch.Pick::id).toList(),
                "but its ledger can still be read");
    }

    @Test
    void mattersAreFoundByNumberTitleOrClient() {
        String word = "Zm" + UUID.randomUUID().toString().substring(0, 6);
        long clientId = client(word + " Trust");
        long matterId = clients.addMatter(clientId, word + "-7", "Lease renewal", "GBP", new BigDecimal("200.00"), null, Set.of()).id();
        ClientSearch.Pick pick = search.matter(matterId).orElseThrow();
        assertEquals(word + "-7 — Lease renewal (" + word + " Trust)", pick.label());
        assertTrue(search.matters(word + "-7").contains(pick), "by number");
        assertTrue(search.matters(word.toUpperCase() + " trust").contains(pick), "by client, in any case");
    }

    @Test
    void theTextIsBounded() {
        RuleViolation refused = assertThrows(RuleViolation.class, () -> search.clients("x".repeat(101), false));
        assertEquals("Type at most 100 characters to search.", refused.getMessage());
    }

    private long client(String name) {
        return clients.createClient(name, ClientKind.ORGANISATION, "1 Quay Street", "Contact", null).id();
    }
}

package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.ClientKind;

import java.io.Serializable;
import java.util.List;

/** Setup > Clients: the list, and a new client with its billing contact. */
@Named
@ViewScoped
public class ClientsView implements Serializable {

    @EJB
    transient ClientDirectory directory;

    private List<ClientDirectory.ClientRow> clients;
    private String name, address, contactName, contactEmail;
    private ClientKind kind = ClientKind.ORGANISATION;
    private boolean showArchived;

    @PostConstruct
    void load() {
        clients = directory.clients(showArchived);
    }

    public void toggleArchived() {
        load();
    }

    public boolean isShowArchived() { return showArchived; }
    public void setShowArchived(boolean v) { this.showArchived = v; }

    public String create() {
        Client created = Feedback.attempt(() -> directory.createClient(name, kind, address, contactName, contactEmail), null);
        return created == null ? null : "/setup/client.xhtml?faces-redirect=true&id=" + created.id();
    }

    public ClientKind[] getKinds() { return ClientKind.values(); }
    public List<ClientDirectory.ClientRow> getClients() { return clients; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public ClientKind getKind() { return kind; }
    public void setKind(ClientKind kind) { this.kind = kind; }
}

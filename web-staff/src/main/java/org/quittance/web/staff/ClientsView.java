package org.quittance.web.staff;

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

    /** A page at a time, filtered by name in the database: a firm of 20,000 clients is never read whole. */
    private final org.primefaces.model.LazyDataModel<ClientDirectory.ClientRow> clients = new org.primefaces.model.LazyDataModel<>() {
        @Override
        public int count(java.util.Map<String, org.primefaces.model.FilterMeta> filterBy) {
            return (int) page(filterBy, 0, 1).total();
        }

        @Override
        public List<ClientDirectory.ClientRow> load(int first, int pageSize, java.util.Map<String, org.primefaces.model.SortMeta> sortBy,
                                                    java.util.Map<String, org.primefaces.model.FilterMeta> filterBy) {
            ClientDirectory.ClientPage page = page(filterBy, first, pageSize);
            setRowCount((int) page.total());
            return page.rows();
        }

        private ClientDirectory.ClientPage page(java.util.Map<String, org.primefaces.model.FilterMeta> filterBy, int first, int size) {
            org.primefaces.model.FilterMeta name = filterBy == null ? null : filterBy.values().stream().findFirst().orElse(null);
            String text = name == null || name.getFilterValue() == null ? null : name.getFilterValue().toString();
            if (text != null && text.length() > 200) {
                text = text.substring(0, 200);
            }
            return directory.clients(text, showArchived, first,
                    Math.min(Math.max(size, 1), ClientDirectory.MOST_PER_PAGE));
        }

        @Override
        public String getRowKey(ClientDirectory.ClientRow row) {
            return String.valueOf(row.id());
        }

        @Override
        public ClientDirectory.ClientRow getRowData(String rowKey) {
            return null;  // the list has no selection
        }
    };
    private String name, address, contactName, contactEmail;
    private ClientKind kind = ClientKind.ORGANISATION;
    private boolean showArchived;

    public boolean isShowArchived() { return showArchived; }
    public void setShowArchived(boolean v) { this.showArchived = v; }

    public String create() {
        Client created = Feedback.attempt(() -> directory.createClient(name, kind, address, contactName, contactEmail), null);
        return created == null ? null : "/setup/client.xhtml?faces-redirect=true&id=" + created.id();
    }

    public ClientKind[] getKinds() { return ClientKind.values(); }
    public org.primefaces.model.LazyDataModel<ClientDirectory.ClientRow> getClients() { return clients; }
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

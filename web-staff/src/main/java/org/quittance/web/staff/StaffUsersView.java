package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.staff.boundary.StaffAccounts;
import org.quittance.staff.boundary.StaffPasswords;
import org.quittance.staff.entity.StaffRole;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Setup › Staff: who may sign in to the staff app, with which roles. */
@Named
@ViewScoped
public class StaffUsersView implements Serializable {

    @EJB
    transient StaffAccounts accounts;

    @EJB
    transient StaffPasswords passwords;

    private List<StaffAccounts.Row> users;
    private String username;
    private String displayName;
    private String email;
    private String password;
    private List<String> newRoles = new ArrayList<>(List.of(StaffRole.BILLING.roleName()));
    private Long editing;
    private List<String> editedRoles = new ArrayList<>();

    @PostConstruct
    void load() {
        users = accounts.roster();
    }

    public void add() {
        if (Feedback.attempt(() -> accounts.create(username, displayName, email, password, roles(newRoles)),
                "Added " + username + ". Give them their first password by a channel of its own.") != null) {
            username = displayName = email = password = null;
            newRoles = new ArrayList<>(List.of(StaffRole.BILLING.roleName()));
            load();
        }
    }

    public void edit(StaffAccounts.Row row) {
        editing = row.id();
        editedRoles = new ArrayList<>(row.roles().stream().map(StaffRole::roleName).toList());
    }

    public void saveRoles() {
        if (Feedback.run(() -> accounts.changeRoles(editing, roles(editedRoles)), "Roles changed; the user's open sessions have ended.")) {
            editing = null;
            load();
        }
    }

    public void cancel() {
        editing = null;
    }

    public void setEnabled(StaffAccounts.Row row, boolean enabled) {
        if (Feedback.run(() -> accounts.setEnabled(row.id(), enabled),
                row.displayName() + (enabled ? " can sign in again." : " is disabled; their open sessions have ended."))) {
            load();
        }
    }

    public void sendLink(StaffAccounts.Row row) {
        Feedback.run(() -> passwords.sendResetLink(row.id()),
                "A link to choose a new password is on its way to " + row.email() + " (it works once, for an hour).");
    }

    public void unlock(StaffAccounts.Row row) {
        if (Feedback.run(() -> accounts.unlock(row.id()), row.displayName() + " can sign in again.")) {
            load();
        }
    }

    public String roleNames(StaffAccounts.Row row) {
        List<String> names = new ArrayList<>();
        if (row.roles().contains(StaffRole.ADMIN)) names.add("Administrator");
        if (row.roles().contains(StaffRole.BILLING)) names.add("Billing");
        return String.join(", ", names);
    }

    private static Set<StaffRole> roles(List<String> names) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        names.forEach(n -> roles.add(StaffRole.ofRoleName(n)));
        return roles;
    }

    public List<StaffAccounts.Row> getUsers() { return users; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public List<String> getNewRoles() { return newRoles; }
    public void setNewRoles(List<String> newRoles) { this.newRoles = newRoles; }
    public Long getEditing() { return editing; }
    public List<String> getEditedRoles() { return editedRoles; }
    public void setEditedRoles(List<String> editedRoles) { this.editedRoles = editedRoles; }
}

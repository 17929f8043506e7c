package org.quittance.clients.entity;

import jakarta.persistence.*;

/** A client of the firm: a person or an organisation that receives invoices. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    @SequenceGenerator(name = "client_seq", sequenceName = "client_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClientKind kind;

    @Version
    private long version;

    protected Client() {
    }

    public Client(String name, ClientKind kind) {
        this.name = name;
        this.kind = kind;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public ClientKind kind() { return kind; }
}

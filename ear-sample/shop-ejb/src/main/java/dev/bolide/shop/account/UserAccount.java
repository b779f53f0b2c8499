package dev.bolide.shop.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** A customer: the balance orders are paid from and the points payments earn. */
@Entity
public class UserAccount {
    @Id
    private long id;
    private String name;
    @Column(precision = 12, scale = 2)
    private BigDecimal balance;
    private long points;
    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(long id, String name, BigDecimal balance) {
        this.id = id;
        this.name = name;
        this.balance = balance;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public long getPoints() {
        return points;
    }

    void changeBalance(BigDecimal delta) {
        balance = balance.add(delta);
    }

    void addPoints(long earned) {
        points += earned;
    }
}

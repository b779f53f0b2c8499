package dev.bolide.ra.admin;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the administered queue and topic share: the JavaBean property {@code name} (the RocketMQ
 * topic), set by the server after the no-argument constructor. Equal when of the same kind and name.
 */
public abstract class AdministeredDestination implements Serializable {
    private static final long serialVersionUID = 1L;

    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && Objects.equals(name, ((AdministeredDestination) other).name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass().getName(), name);
    }
}

package dev.hibernatelite.it.refusal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sensor, which measurements refer to (a foreign key). */
@Entity
@Table(name = "sensors")
public class Sensor {
    @Id
    private Long id;

    protected Sensor() {
    }

    public Sensor(long id) {
        this.id = id;
    }

    public Long getId() {
        return id;
    }
}

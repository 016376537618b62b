package dev.hibernatelite.it.refusal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row with columns narrower than their Java types and no Bean Validation: what the database
 * refuses reaches it (a string longer than its column, a number out of its column's range, an
 * instant outside its timestamps), and a unique label and a foreign key to its sensor.
 */
@Entity
@Table(name = "measurements")
public class Measurement {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 5, unique = true)
    private String label;

    @Column(name = "reading_level", columnDefinition = "smallint")
    private Integer level;

    @Column(precision = 5, scale = 2)
    private BigDecimal price;

    @Column(name = "taken_at")
    private Instant takenAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sensor_id", foreignKey = @jakarta.persistence.ForeignKey(name = "fk_measurement_sensor"))
    private Sensor sensor;

    protected Measurement() {
    }

    public Measurement(String label, Integer level, BigDecimal price, Instant takenAt, Sensor sensor) {
        this.label = label;
        this.level = level;
        this.price = price;
        this.takenAt = takenAt;
        this.sensor = sensor;
    }

    public Long getId() {
        return id;
    }
}

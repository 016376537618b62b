package dev.hibernatelite.example;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A blog author. Written as JSON it is {@code {"id": 1, "name": "ada"}}. */
@Entity
@Table(name = "users")
@JsonPropertyOrder({"id", "name"})
public class User {
    /** The longest name a user may have. */
    public static final int NAME_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = NAME_LENGTH)
    private String name;

    @OneToMany(mappedBy = "author")
    private List<Post> posts = new ArrayList<>();

    /** For Hibernate. */
    protected User() {
    }

    /** @param name the user's unique name */
    public User(String name) {
        this.name = name;
    }

    /** @return the id, assigned by the database when the user is persisted */
    public Long getId() {
        return id;
    }

    /** @return the unique name */
    public String getName() {
        return name;
    }

    /** @return the user's posts, loaded on first use; left out of the JSON so it does not recurse */
    @JsonIgnore
    public List<Post> getPosts() {
        return posts;
    }
}

package dev.hibernatelite.example;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A blog post. Written as JSON it is
 * {@code {"id", "title", "body", "createdAt", "author": {"id", "name"}}}: the author is a lazy
 * association, loaded while the response is written (the session is still open then).
 */
@Entity
@Table(name = "posts")
@JsonPropertyOrder({"id", "title", "body", "createdAt", "author"})
public class Post {
    /** The longest title a post may have. */
    public static final int TITLE_LENGTH = 255;
    /** The longest body a post may have (a plain column type that PostgreSQL, H2 and MariaDB share). */
    public static final int BODY_LENGTH = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;

    @Column(nullable = false, length = BODY_LENGTH)
    private String body;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private User author;

    // Databases keep microseconds: truncating here makes the object equal what is read back later.
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

    /** For Hibernate. */
    protected Post() {
    }

    /**
     * A new post, created now.
     *
     * @param author who writes it
     * @param title its title
     * @param body its text
     */
    public Post(User author, String title, String body) {
        this.author = author;
        this.title = title;
        this.body = body;
    }

    /** @return the id, assigned by the database when the post is persisted */
    public Long getId() {
        return id;
    }

    /** @return the title */
    public String getTitle() {
        return title;
    }

    /** @return the text */
    public String getBody() {
        return body;
    }

    /** @return the author (a lazy proxy until first used) */
    public User getAuthor() {
        return author;
    }

    /** @return when the post was created */
    public Instant getCreatedAt() {
        return createdAt;
    }
}

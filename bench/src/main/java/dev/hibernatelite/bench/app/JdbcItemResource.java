package dev.hibernatelite.bench.app;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor: the same routes in plain JDBC on a HikariCP pool with auto-commit on, each one
 * statement (one round trip), the connection returned before the JSON is written.
 */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JdbcItemResource {
    private static final String COLUMNS = "id, name, description, price_cents, stock";
    private final DataSource dataSource;

    public JdbcItemResource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    @Path("{id}")
    public ItemJson get(@PathParam("id") long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from bench_item where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException();
                }
                return row(rs);
            }
        }
    }

    @GET
    public List<ItemJson> list(@QueryParam("after") @DefaultValue("0") long after,
                               @QueryParam("limit") @DefaultValue("20") int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select " + COLUMNS + " from bench_item where id > ? order by id limit ?")) {
            ps.setLong(1, after);
            ps.setInt(2, Math.min(Math.max(limit, 1), 100));
            List<ItemJson> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(row(rs));
                }
            }
            return items;
        }
    }

    @GET
    @Path("{id}/parts")
    public List<PartJson> parts(@PathParam("id") long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, item_id, name, quantity from bench_part where item_id = ? order by id")) {
            ps.setLong(1, id);
            List<PartJson> parts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parts.add(new PartJson(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return parts;
        }
    }

    @POST
    public ItemJson create(NewItem body) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into bench_item (name, description, price_cents, stock)"
                     + " values (?, ?, ?, ?) returning id")) {
            ps.setString(1, body.name());
            ps.setString(2, body.description());
            ps.setLong(3, body.priceCents());
            ps.setInt(4, body.stock());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ItemJson(rs.getLong(1), body.name(), body.description(), body.priceCents(), body.stock());
            }
        }
    }

    private static ItemJson row(ResultSet rs) throws SQLException {
        return new ItemJson(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5));
    }
}

package dev.hibernatelite.bench.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity classes for the startup measurement with many entities, generated at runtime (before
 * the clock starts) rather than checked in: {@code GeneratedEntity001}... in this package, each
 * with its own table, an identity id and six basic columns. Hibernate maps them like hand-written
 * classes; their tables need not exist, since nothing queries them.
 */
public final class GeneratedEntities {
    private GeneratedEntities() {
    }

    /**
     * @param count how many classes
     * @return the classes, loaded into this class's loader
     */
    public static List<Class<?>> create(int count) {
        List<Class<?>> classes = new ArrayList<>(count);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (int i = 1; i <= count; i++) {
            String name = String.format("%s.GeneratedEntity%03d", GeneratedEntities.class.getPackageName(), i);
            classes.add(new ByteBuddy()
                    .subclass(Object.class)
                    .name(name)
                    .annotateType(
                            AnnotationDescription.Builder.ofType(Entity.class).build(),
                            AnnotationDescription.Builder.ofType(Table.class).define("name", "bench_generated_" + i).build())
                    .defineField("id", Long.class, Visibility.PRIVATE)
                    .annotateField(
                            AnnotationDescription.Builder.ofType(Id.class).build(),
                            AnnotationDescription.Builder.ofType(GeneratedValue.class)
                                    .define("strategy", GenerationType.IDENTITY).build())
                    .defineField("name", String.class, Visibility.PRIVATE)
                    .annotateField(AnnotationDescription.Builder.ofType(Column.class)
                            .define("nullable", false).define("length", 100).build())
                    .defineField("description", String.class, Visibility.PRIVATE)
                    .defineField("amount", BigDecimal.class, Visibility.PRIVATE)
                    .defineField("quantity", int.class, Visibility.PRIVATE)
                    .defineField("active", boolean.class, Visibility.PRIVATE)
                    .defineField("createdAt", Instant.class, Visibility.PRIVATE)
                    .make()
                    .load(GeneratedEntities.class.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                    .getLoaded());
        }
        return classes;
    }
}

package dev.hibernatelite.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** A public type's public and protected members mention no {@code dev.hibernatelite.internal} type. */
final class PublicSignaturesAvoidInternalTypes extends ArchCondition<JavaClass> {
    PublicSignaturesAvoidInternalTypes() {
        super("name no internal type in a public or protected signature");
    }

    @Override
    public void check(JavaClass type, ConditionEvents events) {
        for (JavaCodeUnit member : type.getCodeUnits()) {
            if (visible(member.getModifiers().contains(JavaModifier.PUBLIC),
                    member.getModifiers().contains(JavaModifier.PROTECTED))) {
                member.getParameterTypes().forEach(p -> report(member.getFullName(), p.toErasure(), events));
                report(member.getFullName(), member.getRawReturnType(), events);
            }
        }
        for (JavaField field : type.getFields()) {
            if (visible(field.getModifiers().contains(JavaModifier.PUBLIC),
                    field.getModifiers().contains(JavaModifier.PROTECTED))) {
                report(field.getFullName(), field.getRawType(), events);
            }
        }
    }

    private static boolean visible(boolean isPublic, boolean isProtected) {
        return isPublic || isProtected;
    }

    private static void report(String member, JavaClass type, ConditionEvents events) {
        if (type.getPackageName().startsWith("dev.hibernatelite.internal")) {
            events.add(SimpleConditionEvent.violated(member, member + " names " + type.getName()));
        }
    }
}

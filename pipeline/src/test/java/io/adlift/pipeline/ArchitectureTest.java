package io.adlift.pipeline;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.tasklet.Tasklet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering the build enforces, on the compiled main classes of both modules: {@code steps} is plain Java,
 * the packages of {@code pipeline} form no cycle, a tasklet is an adapter that calls steps, never another
 * tasklet, and Jackson 2 is XGBoost4J's alone. ArchUnit reads bytecode, so a compile-time constant of another package (inlined by javac) is not
 * seen as a dependency.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.adlift.pipeline", "io.adlift.steps");

    @Test
    void stepsImportNoSpring() {
        ArchRule rule = noClasses().that().resideInAPackage("io.adlift.steps..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("steps/ is plain Java: Spring and Spring Batch stay in pipeline/");

        rule.check(CLASSES);
    }

    @Test
    void onlyXgboostUsesJackson2() {
        // Jackson 2 is on the class path for XGBoost4J alone; its annotations are Jackson 3's too
        noClasses().that().resideInAnyPackage("io.adlift..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.core..",
                        "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.dataformat..")
                .because("Adlift reads and writes JSON and YAML with Jackson 3 (tools.jackson)")
                .check(CLASSES);
    }

    @Test
    void featurePackagesOfThePipelineFormNoCycle() {
        slices().matching("io.adlift.pipeline.(*)..").namingSlices("$1")
                .should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void packagesOfThePipelineFormNoCycle() {
        // every package on its own, a feature's sub-packages (serve.predict, serve.dashboard) and their parent too
        slices().matching("io.adlift.pipeline.(**)").namingSlices("$1")
                .should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noTaskletCallsAnotherTasklet() {
        classes().that().implement(Tasklet.class).should(notDependOnAnotherTasklet())
                .because("a tasklet is a thin adapter: what two tasklets share belongs in a class of its own")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> notDependOnAnotherTasklet() {
        DescribedPredicate<JavaClass> tasklet = JavaClass.Predicates.assignableTo(Tasklet.class);
        return new ArchCondition<>("not depend on another tasklet") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (tasklet.test(target) && !target.equals(item) && !target.isInterface()) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                }
            }
        };
    }
}

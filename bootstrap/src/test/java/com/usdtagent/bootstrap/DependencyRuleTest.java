package com.usdtagent.bootstrap;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The hexagon's rules, stated once; Maven's module dependencies enforce the direction before any test runs. */
@AnalyzeClasses(packages = "com.usdtagent",
        importOptions = {ImportOption.DoNotIncludeTests.class, DependencyRuleTest.DoNotIncludeTestJars.class})
class DependencyRuleTest {

    private static final String DOMAIN = "com.usdtagent.domain..";
    private static final String APPLICATION = "com.usdtagent.application..";
    private static final List<String> ADAPTERS =
            List.of("persistence", "identity", "http", "socketio", "push", "agora", "webrtc", "memory", "chain",
                    "media", "files");
    /** The one outbound port the application implements itself: push queues for the other features. */
    private static final String PUSH_OUTBOX = "com.usdtagent.application.push.PushOutbox";

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule the_application_depends_only_on_the_domain = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..");

    @ArchTest
    static final ArchRule the_features_of_the_application_form_no_cycle = slices()
            .matching("com.usdtagent.application.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_adapter_depends_on_another_adapter = slices()
            .matching("com.usdtagent.(" + String.join("|", ADAPTERS) + ")..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule only_the_bootstrap_wires_adapters = classes()
            .that().resideInAnyPackage(adapterPackages())
            .should().onlyHaveDependentClassesThat()
            .resideInAnyPackage(adapterPackagesAnd("com.usdtagent.bootstrap.."));

    /** An adapter shows the bootstrap one entry class, and at most one record of its settings; the rest is hidden. */
    @ArchTest
    static void each_adapter_shows_one_entry_class_and_at_most_its_settings_record(JavaClasses classes) {
        for (String adapter : ADAPTERS) {
            List<JavaClass> shown = classes.stream()
                    .filter(type -> type.getPackageName().startsWith("com.usdtagent." + adapter)
                            && type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
                    .toList();
            List<String> entries = shown.stream().filter(type -> !isSettingsRecord(type))
                    .map(JavaClass::getSimpleName).toList();
            List<String> settings = shown.stream().filter(DependencyRuleTest::isSettingsRecord)
                    .map(JavaClass::getSimpleName).toList();
            assertThat(entries).as("the public classes of adapter " + adapter + " besides its settings").hasSize(1);
            assertThat(settings).as("the settings records of adapter " + adapter).hasSizeLessThanOrEqualTo(1);
        }
    }

    private static boolean isSettingsRecord(JavaClass type) {
        String name = type.getSimpleName();
        return type.isRecord() && (name.endsWith("Settings") || name.endsWith("Target"));
    }

    @ArchTest
    static final ArchRule a_service_implements_the_use_case_it_is_named_after = classes()
            .that().resideInAPackage(APPLICATION).and().haveSimpleNameEndingWith("Service")
            .should(implementOnlyTheApplicationInterfaceOfTheirStem());

    /** Records that implement an interface of the application are data (the kinds of a push), not use cases. */
    @ArchTest
    static final ArchRule use_cases_are_implemented_by_their_services = classes()
            .that().resideInAPackage(APPLICATION).and().areNotRecords()
            .and(implementAnApplicationInterfaceBut(PUSH_OUTBOX))
            .should().haveSimpleNameEndingWith("Service");

    private static ArchCondition<JavaClass> implementOnlyTheApplicationInterfaceOfTheirStem() {
        return new ArchCondition<>("implement the interface of the application their name ends in Service after,"
                + " and no other") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                String stem = service.getSimpleName().replaceFirst("Service$", "");
                List<JavaClass> implemented = applicationInterfacesOf(service);
                boolean named = implemented.size() == 1 && implemented.getFirst().getSimpleName().equals(stem);
                events.add(new SimpleConditionEvent(service, named, service.getName() + " implements "
                        + implemented.stream().map(JavaClass::getSimpleName).toList()));
            }
        };
    }

    private static DescribedPredicate<JavaClass> implementAnApplicationInterfaceBut(String outboundPort) {
        return DescribedPredicate.describe("implement an interface of the application other than " + outboundPort,
                type -> applicationInterfacesOf(type).stream().anyMatch(port -> !port.getName().equals(outboundPort)));
    }

    private static List<JavaClass> applicationInterfacesOf(JavaClass type) {
        return type.getRawInterfaces().stream()
                .filter(port -> port.getPackageName().startsWith("com.usdtagent.application")).toList();
    }

    private static String[] adapterPackages() {
        return ADAPTERS.stream().map(adapter -> "com.usdtagent." + adapter + "..").toArray(String[]::new);
    }

    private static String[] adapterPackagesAnd(String other) {
        String[] packages = adapterPackages();
        String[] withOther = Arrays.copyOf(packages, packages.length + 1);
        withOther[packages.length] = other;
        return withOther;
    }

    /** The test-jars other modules share (test databases, a fake FCM) are test code too. */
    public static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}

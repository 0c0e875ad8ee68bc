package com.usdtagent.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The hexagon's rules, stated once; Maven's module dependencies enforce the same before any test runs. */
@AnalyzeClasses(packages = "com.usdtagent", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    private static final String DOMAIN = "com.usdtagent.domain..";
    private static final String APPLICATION = "com.usdtagent.application..";
    private static final String[] ADAPTERS = {"com.usdtagent.persistence..", "com.usdtagent.identity..",
            "com.usdtagent.http..", "com.usdtagent.socketio..", "com.usdtagent.push..", "com.usdtagent.agora..",
            "com.usdtagent.chain.."};

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule the_application_depends_only_on_the_domain = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "jakarta.validation..");

    @ArchTest
    static final ArchRule no_adapter_depends_on_another_adapter = slices()
            .matching("com.usdtagent.(persistence|identity|http|socketio|push|agora|chain)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule only_the_bootstrap_wires_adapters = classes()
            .that().resideInAnyPackage(ADAPTERS)
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(adaptersAnd("com.usdtagent.bootstrap.."));

    private static String[] adaptersAnd(String other) {
        String[] packages = java.util.Arrays.copyOf(ADAPTERS, ADAPTERS.length + 1);
        packages[ADAPTERS.length] = other;
        return packages;
    }
}

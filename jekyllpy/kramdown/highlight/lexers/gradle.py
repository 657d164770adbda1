"""Gradle build scripts as Rouge 3.30's Gradle lexer tokenises them: Groovy with Gradle's
block names as keywords and its API classes as types."""

from __future__ import annotations

from . import groovy

LEXER = groovy.make_lexer(
    keywords=groovy._KEYWORDS | frozenset("""allprojects artifacts buildscript configuration
dependencies repositories sourceSets subprojects publishing""".split()),
    types=groovy._TYPES | frozenset("""Project Task Gradle Settings Script JavaToolChain
SourceSet SourceSetOutput IncrementalTaskInputs Configuration ResolutionStrategy
ArtifactResolutionQuery ComponentSelection ComponentSelectionRules ConventionProperty
ExtensionAware ExtraPropertiesExtension PublishingExtension IvyPublication IvyArtifact
IvyArtifactSet IvyModuleDescriptorSpec MavenPublication MavenArtifact MavenArtifactSet MavenPom
PluginDependenciesSpec PluginDependencySpec ResourceHandler TextResourceFactory""".split()),
)

/** Known violations of devstack's layering, for ArchitectureRulesTest: the rules must report each. */
package dev.devstack.archfixture;

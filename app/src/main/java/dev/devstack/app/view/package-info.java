/**
 * What the dashboard may know of the machine besides the stack itself: the rows of its ports view
 * and the resources each service uses, as interfaces and values. The application layer implements
 * them; the dashboard imports nothing else of it, nor of the store or /proc (ArchitectureTest).
 */
package dev.devstack.app.view;

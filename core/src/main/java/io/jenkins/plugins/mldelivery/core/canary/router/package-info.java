/**
 * Traffic routers: Kubernetes (replica ratio, Gateway API HTTPRoute weights, Istio VirtualService
 * weights, through the fabric8 client), HAProxy server weights (its runtime API) and user commands.
 */
package io.jenkins.plugins.mldelivery.core.canary.router;

/**
 * Identity: citizens are who Zalo says they are; sessions, roles, the authorizer, profiles. This package
 * holds only {@link vn.smartprovince.identity.Wiring}; see core, store and one package per feature.
 */
package vn.smartprovince.identity;

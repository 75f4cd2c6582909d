/** Identity's domain: users, roles and preferences, session tokens and their signing keys, sessions, the ports (users, agencies, Zalo identity, signing keys) and the shared answer shapes. */
package vn.smartprovince.identity.core;

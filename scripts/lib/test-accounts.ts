// Admins the test server adds to the demo seed, each signed in as by one spec only: the lockout
// test leaves its account locked, and the forged-address test finds its sign-in by name.
export const TEST_ACCOUNTS = {
  lockout: { username: "lockout.test", displayName: "Lockout Test", password: "lockout-test-password" },
  address: { username: "address.test", displayName: "Address Test", password: "address-test-password" },
} as const;

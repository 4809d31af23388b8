"""Who does what in legality review: units submit and withdraw; reviewers assign and conclude (transition roles);
both keep the advisers registry for their scope. Defaults of fazhi.core.permissions apply otherwise."""

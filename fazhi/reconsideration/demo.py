"""Demo year of reconsideration cases (the generator is registered in a following commit)."""

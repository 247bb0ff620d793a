def seed(ctx) -> None:
    pass

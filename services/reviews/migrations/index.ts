import { CreateReviews1732700000000 } from './1732700000000-create-reviews';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [CreateReviews1732700000000];

// A translatable text with a note for translators.
import { z } from 'zod';

export const text = (description: string) => z.string().trim().min(1).meta({ description });

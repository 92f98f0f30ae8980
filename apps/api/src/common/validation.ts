import { ValidationError as ClassValidationError, ValidationPipe } from '@nestjs/common';
import { Problem, ValidationError } from '@it-samverkan/domain';

/** Flattens class-validator's tree into field paths like `lines[0].amount`. */
export function flattenValidationErrors(errors: ClassValidationError[], parent = ''): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    const key = /^\d+$/.test(error.property)
      ? `[${error.property}]`
      : parent
        ? `.${error.property}`
        : error.property;
    const path = parent + key;
    for (const message of Object.values(error.constraints ?? {})) problems.push({ path, message });
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, path));
  }
  return problems;
}

/** Whitelisting, transforming validation whose failures list every field with its message. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationError(flattenValidationErrors(errors)),
  });
}

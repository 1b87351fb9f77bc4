import {
  Body,
  Controller,
  HttpCode,
  Post,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  RefundRequestDto,
  RefundService,
  type RefundResult,
  type SafeRefundResult,
} from 'nestjs-wechat-nontax';
import { ApiKeyGuard } from './api-key.guard.js';
import { ClientThrottlerGuard } from './client-throttler.guard.js';
import { RefundAuditInterceptor } from './refund-audit.interceptor.js';
import { reconcileView } from './views.js';

@Controller('refunds')
// The key first: the rate limit counts per client.
@UseGuards(ApiKeyGuard, ClientThrottlerGuard)
@UseInterceptors(RefundAuditInterceptor)
export class RefundsController {
  constructor(private readonly refunds: RefundService) {}

  /** Refunds an order, fully or partly; 201 with the result. */
  @Post()
  refund(@Body() request: RefundRequestDto): Promise<RefundResult> {
    return this.refunds.refund(request);
  }

  /**
   * Refunds, and if the answer is lost, reads the order to find out; a
   * partial refund proved lost is sent once more.
   */
  @Post('safe')
  refundSafely(@Body() request: RefundRequestDto): Promise<SafeRefundResult> {
    return this.refunds.refundSafely(request);
  }

  /** What became of a refund whose outcome was unknown; sends nothing. */
  @Post('reconcile')
  @HttpCode(200)
  async reconcile(@Body() request: RefundRequestDto) {
    return reconcileView(await this.refunds.reconcile(request));
  }
}

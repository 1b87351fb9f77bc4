import { Body, Controller, Post } from '@nestjs/common';
import {
  RefundRequestDto,
  RefundService,
  type RefundResult,
} from 'nestjs-wechat-nontax';

@Controller('refunds')
export class RefundsController {
  constructor(private readonly refunds: RefundService) {}

  /** Refunds an order, fully or partly; 201 with the result. */
  @Post()
  refund(@Body() request: RefundRequestDto): Promise<RefundResult> {
    return this.refunds.refund(request);
  }
}
